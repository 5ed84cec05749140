-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "aboutMentioned" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "mentions" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- CreateIndex
CREATE INDEX "OutboxMessage_mentions_idx" ON "OutboxMessage" USING GIN ("mentions");

