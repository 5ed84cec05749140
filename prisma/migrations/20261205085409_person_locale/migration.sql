-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "locale" TEXT;

