-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'EXPIRED';

-- AlterTable
-- Rows queued before this migration are given the longest validity (7 days from their due time).
ALTER TABLE "OutboxMessage" ADD COLUMN     "expiresAt" TIMESTAMP(3);
UPDATE "OutboxMessage" SET "expiresAt" = "dueAt" + interval '7 days';
ALTER TABLE "OutboxMessage" ALTER COLUMN "expiresAt" SET NOT NULL;

-- CreateTable
CREATE TABLE "SendBudget" (
    "channel" TEXT NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL,
    "pausedUntil" TIMESTAMP(3),

    CONSTRAINT "SendBudget_pkey" PRIMARY KEY ("channel")
);

