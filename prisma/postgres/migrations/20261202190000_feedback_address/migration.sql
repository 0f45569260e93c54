-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "address" TEXT;

-- CreateIndex
CREATE INDEX "Feedback_address_createdAt_idx" ON "Feedback"("address", "createdAt");

