-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "municipalityId" TEXT;

-- AlterTable
ALTER TABLE "Route" ADD COLUMN     "chosen" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "excluded" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "offFormat" TEXT[] DEFAULT ARRAY[]::TEXT[];

