-- The last day of an application's publicity (公示), set by the officer when publicizing; the decision waits
-- for it. wenzhou-2023 §三(三) names the period but not its length, which is set locally.
-- AlterTable
ALTER TABLE "Application" ADD COLUMN "publicityEndsOn" TEXT;
