-- Plan items belong to each dated plan row, so a booked change of items applies at its month boundary.
-- AlterTable
ALTER TABLE "BenefitPlan" ADD COLUMN "planItems" TEXT NOT NULL DEFAULT '[]';

-- Existing plans keep the benefit's items (Benefit.planItems stays as the items at creation).
UPDATE "BenefitPlan" SET "planItems" = (SELECT "planItems" FROM "Benefit" WHERE "Benefit"."id" = "BenefitPlan"."benefitId");
