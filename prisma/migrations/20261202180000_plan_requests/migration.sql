-- A family's or community worker's request to change the care mode or provider, confirmed or declined by an
-- officer (server/src/services/benefits.ts).
-- CreateTable
CREATE TABLE "BenefitPlanRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "benefitId" TEXT NOT NULL,
    "careMode" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "reason" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "requestedById" TEXT NOT NULL,
    "requestedByRole" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "declineReason" TEXT,
    "fromMonth" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BenefitPlanRequest_benefitId_fkey" FOREIGN KEY ("benefitId") REFERENCES "Benefit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BenefitPlanRequest_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BenefitPlanRequest_benefitId_state_idx" ON "BenefitPlanRequest"("benefitId", "state");
