-- CreateEnum
CREATE TYPE "ProgrammeKind" AS ENUM ('ADVANCED', 'RETRAINING');

-- CreateEnum
CREATE TYPE "DeliveryFormat" AS ENUM ('IN_PERSON', 'DISTANCE', 'BLENDED');

-- CreateEnum
CREATE TYPE "ActivityType" AS ENUM ('SEMINAR', 'WEBINAR', 'WORKSHOP', 'MASTER_CLASS', 'INTERNSHIP', 'SELF_STUDY', 'COMMUNITY');

-- CreateEnum
CREATE TYPE "RouteStatus" AS ENUM ('DRAFT', 'ACTIVE', 'COMPLETED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "RouteItemStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'SKIPPED');

-- CreateTable
CREATE TABLE "Programme" (
    "registryNumber" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "kind" "ProgrammeKind" NOT NULL,
    "hours" INTEGER NOT NULL,
    "format" "DeliveryFormat" NOT NULL,
    "positions" "Position"[],
    "subjects" TEXT[],
    "levels" TEXT[],
    "competencies" TEXT[],
    "regional" BOOLEAN NOT NULL,
    "url" TEXT,
    "startsOn" DATE,
    "endsOn" DATE,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("registryNumber")
);

-- CreateTable
CREATE TABLE "InternshipSite" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organization" TEXT NOT NULL,
    "municipalityId" TEXT,
    "competencies" TEXT[],
    "url" TEXT,

    CONSTRAINT "InternshipSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "type" "ActivityType" NOT NULL,
    "title" TEXT NOT NULL,
    "organizer" TEXT NOT NULL,
    "competencies" TEXT[],
    "format" "DeliveryFormat" NOT NULL,
    "hours" INTEGER NOT NULL,
    "positions" "Position"[],
    "subjects" TEXT[],
    "levels" TEXT[],
    "siteId" TEXT,
    "url" TEXT,
    "startsOn" DATE,
    "endsOn" DATE,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Route" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "attemptId" INTEGER NOT NULL,
    "status" "RouteStatus" NOT NULL DEFAULT 'DRAFT',
    "preferredFormat" "DeliveryFormat",
    "hoursBudget" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "unserved" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Route_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RouteItem" (
    "id" SERIAL NOT NULL,
    "routeId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "competency" TEXT NOT NULL,
    "programmeId" TEXT,
    "activityId" TEXT,
    "hours" INTEGER NOT NULL,
    "dueOn" DATE NOT NULL,
    "reasons" TEXT[],
    "status" "RouteItemStatus" NOT NULL DEFAULT 'PLANNED',
    "startedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "evidence" TEXT,

    CONSTRAINT "RouteItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Route_personId_status_idx" ON "Route"("personId", "status");

-- CreateIndex
CREATE INDEX "RouteItem_routeId_idx" ON "RouteItem"("routeId");

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "InternshipSite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Route" ADD CONSTRAINT "Route_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Route" ADD CONSTRAINT "Route_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RouteItem" ADD CONSTRAINT "RouteItem_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "Route"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RouteItem" ADD CONSTRAINT "RouteItem_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("registryNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RouteItem" ADD CONSTRAINT "RouteItem_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One draft and one active route per person, even with several bot processes.
CREATE UNIQUE INDEX "Route_one_draft_per_person" ON "Route"("personId") WHERE "status" = 'DRAFT';
CREATE UNIQUE INDEX "Route_one_active_per_person" ON "Route"("personId") WHERE "status" = 'ACTIVE';
