-- AlterTable
ALTER TABLE "Settlement" ADD COLUMN "grade" TEXT;

-- CreateTable
CREATE TABLE "BenefitGrade" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "benefitId" TEXT NOT NULL,
    "fromMonth" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "previousGrade" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "applicationEventId" TEXT NOT NULL,
    "noticeDate" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BenefitGrade_benefitId_fkey" FOREIGN KEY ("benefitId") REFERENCES "Benefit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "BenefitGrade_benefitId_fromMonth_key" ON "BenefitGrade"("benefitId", "fromMonth");
