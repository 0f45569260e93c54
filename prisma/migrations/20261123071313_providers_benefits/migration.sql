-- CreateTable
CREATE TABLE "Provider" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "district" TEXT,
    "address" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lng" REAL NOT NULL,
    "phone" TEXT NOT NULL,
    "careModes" TEXT NOT NULL,
    "hospitalTier" INTEGER,
    "capacity" INTEGER NOT NULL,
    "freePlaces" INTEGER NOT NULL,
    "ratingSum" INTEGER NOT NULL DEFAULT 0,
    "ratingCount" INTEGER NOT NULL DEFAULT 0,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProviderItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "providerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "priceFen" INTEGER NOT NULL,
    CONSTRAINT "ProviderItem_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProviderAccount" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "providerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProviderAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProviderAccount_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Benefit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "district" TEXT,
    "insurance" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "approvalDate" TEXT NOT NULL,
    "startMonth" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'active',
    "stoppedOn" TEXT,
    "planItems" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Benefit_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BenefitPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "benefitId" TEXT NOT NULL,
    "fromMonth" TEXT NOT NULL,
    "careMode" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BenefitPlan_benefitId_fkey" FOREIGN KEY ("benefitId") REFERENCES "Benefit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BenefitPlan_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BenefitSuspension" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "benefitId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BenefitSuspension_benefitId_fkey" FOREIGN KEY ("benefitId") REFERENCES "Benefit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BenefitEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "benefitId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "reason" TEXT,
    "data" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "BenefitEvent_benefitId_fkey" FOREIGN KEY ("benefitId") REFERENCES "Benefit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Settlement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "benefitId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "careMode" TEXT NOT NULL,
    "monthlyBillFen" INTEGER NOT NULL,
    "daysCovered" INTEGER NOT NULL,
    "daysInMonth" INTEGER NOT NULL,
    "monthlyCapFen" INTEGER,
    "proratedCapFen" INTEGER,
    "eligibleCostFen" INTEGER,
    "fundRatio" REAL,
    "fundPaysFen" INTEGER,
    "personPaysFen" INTEGER,
    "indicative" BOOLEAN NOT NULL DEFAULT false,
    "indicativeFundPaysFen" INTEGER,
    "notes" TEXT NOT NULL,
    "citations" TEXT NOT NULL,
    "steps" TEXT NOT NULL,
    "enteredById" TEXT NOT NULL,
    "enteredByRole" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Settlement_benefitId_fkey" FOREIGN KEY ("benefitId") REFERENCES "Benefit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Settlement_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SettlementRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "settlementId" TEXT NOT NULL,
    "previous" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "SettlementRevision_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "Settlement" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceVisit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "benefitId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "workerName" TEXT NOT NULL,
    "startAt" DATETIME NOT NULL,
    "endAt" DATETIME NOT NULL,
    "date" TEXT NOT NULL,
    "items" TEXT NOT NULL,
    "totalMinutes" INTEGER NOT NULL,
    "identityChecked" BOOLEAN NOT NULL,
    "identityMethod" TEXT,
    "selfPaidConsent" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rating" INTEGER,
    "ratingComment" TEXT,
    "ratedById" TEXT,
    "ratedAt" DATETIME,
    CONSTRAINT "ServiceVisit_benefitId_fkey" FOREIGN KEY ("benefitId") REFERENCES "Benefit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceVisit_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Provider_region_district_idx" ON "Provider"("region", "district");

-- CreateIndex
CREATE INDEX "ProviderItem_providerId_position_idx" ON "ProviderItem"("providerId", "position");

-- CreateIndex
CREATE INDEX "ProviderAccount_providerId_idx" ON "ProviderAccount"("providerId");

-- CreateIndex
CREATE UNIQUE INDEX "Benefit_applicationId_key" ON "Benefit"("applicationId");

-- CreateIndex
CREATE INDEX "Benefit_personId_idx" ON "Benefit"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "BenefitPlan_benefitId_fromMonth_key" ON "BenefitPlan"("benefitId", "fromMonth");

-- CreateIndex
CREATE INDEX "BenefitSuspension_benefitId_fromDate_idx" ON "BenefitSuspension"("benefitId", "fromDate");

-- CreateIndex
CREATE INDEX "BenefitEvent_benefitId_at_idx" ON "BenefitEvent"("benefitId", "at");

-- CreateIndex
CREATE INDEX "Settlement_providerId_month_idx" ON "Settlement"("providerId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "Settlement_benefitId_month_key" ON "Settlement"("benefitId", "month");

-- CreateIndex
CREATE INDEX "SettlementRevision_settlementId_at_idx" ON "SettlementRevision"("settlementId", "at");

-- CreateIndex
CREATE INDEX "ServiceVisit_benefitId_startAt_idx" ON "ServiceVisit"("benefitId", "startAt");

-- CreateIndex
CREATE INDEX "ServiceVisit_providerId_startAt_idx" ON "ServiceVisit"("providerId", "startAt");

