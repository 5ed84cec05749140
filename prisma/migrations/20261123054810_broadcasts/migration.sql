-- CreateTable
CREATE TABLE "Broadcast" (
    "id" SERIAL NOT NULL,
    "authorId" INTEGER,
    "text" TEXT NOT NULL,
    "segment" JSONB NOT NULL,
    "recipients" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);

