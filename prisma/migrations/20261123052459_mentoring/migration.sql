-- CreateEnum
CREATE TYPE "MentorStatus" AS ENUM ('ACTIVE', 'PAUSED', 'STOPPED');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('OPEN', 'ASKED', 'ACCEPTED', 'CANCELLED', 'EXHAUSTED');

-- CreateEnum
CREATE TYPE "PairType" AS ENUM ('YOUNG_SPECIALIST', 'COMPETENCY', 'SUBJECT');

-- CreateEnum
CREATE TYPE "PairStatus" AS ENUM ('ACTIVE', 'CLOSED');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "username" TEXT;

-- CreateTable
CREATE TABLE "MentorProfile" (
    "personId" INTEGER NOT NULL,
    "subjects" TEXT[],
    "strengths" TEXT[],
    "capacity" INTEGER NOT NULL,
    "taken" INTEGER NOT NULL DEFAULT 0,
    "status" "MentorStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorProfile_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "MentoringRequest" (
    "id" SERIAL NOT NULL,
    "menteeId" INTEGER NOT NULL,
    "needs" TEXT[],
    "status" "RequestStatus" NOT NULL DEFAULT 'OPEN',
    "askedId" INTEGER,
    "askedAt" TIMESTAMP(3),
    "passedIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "createdAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "MentoringRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorPair" (
    "id" SERIAL NOT NULL,
    "mentorId" INTEGER NOT NULL,
    "menteeId" INTEGER NOT NULL,
    "requestId" INTEGER,
    "type" "PairType" NOT NULL,
    "needs" TEXT[],
    "status" "PairStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "closedAt" TIMESTAMP(3),
    "closedById" INTEGER,

    CONSTRAINT "MentorPair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairGoal" (
    "id" SERIAL NOT NULL,
    "pairId" INTEGER NOT NULL,
    "routeItemId" INTEGER,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" SERIAL NOT NULL,
    "pairId" INTEGER NOT NULL,
    "loggedById" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "topic" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairCheckin" (
    "pairId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "met" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairCheckin_pkey" PRIMARY KEY ("pairId","personId","month")
);

-- CreateTable
CREATE TABLE "PairFeedback" (
    "pairId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairFeedback_pkey" PRIMARY KEY ("pairId","personId")
);

-- CreateIndex
CREATE INDEX "MentoringRequest_status_askedAt_idx" ON "MentoringRequest"("status", "askedAt");

-- CreateIndex
CREATE INDEX "MentoringRequest_menteeId_idx" ON "MentoringRequest"("menteeId");

-- CreateIndex
CREATE UNIQUE INDEX "MentorPair_requestId_key" ON "MentorPair"("requestId");

-- CreateIndex
CREATE INDEX "MentorPair_mentorId_status_idx" ON "MentorPair"("mentorId", "status");

-- CreateIndex
CREATE INDEX "MentorPair_menteeId_status_idx" ON "MentorPair"("menteeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PairGoal_pairId_routeItemId_key" ON "PairGoal"("pairId", "routeItemId");

-- CreateIndex
CREATE INDEX "Meeting_pairId_idx" ON "Meeting"("pairId");

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringRequest" ADD CONSTRAINT "MentoringRequest_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPair" ADD CONSTRAINT "MentorPair_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPair" ADD CONSTRAINT "MentorPair_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorPair" ADD CONSTRAINT "MentorPair_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "MentoringRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairGoal" ADD CONSTRAINT "PairGoal_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "MentorPair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "MentorPair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairCheckin" ADD CONSTRAINT "PairCheckin_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "MentorPair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairFeedback" ADD CONSTRAINT "PairFeedback_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "MentorPair"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One active pair per mentee and mentor, one unresolved request per mentee; places never below 0 or above capacity.
CREATE UNIQUE INDEX "MentorPair_one_active" ON "MentorPair"("mentorId", "menteeId") WHERE "status" = 'ACTIVE';
CREATE UNIQUE INDEX "MentoringRequest_one_open_per_mentee" ON "MentoringRequest"("menteeId") WHERE "status" IN ('OPEN', 'ASKED');
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_places" CHECK ("taken" >= 0 AND "taken" <= "capacity" AND "capacity" BETWEEN 1 AND 5);
