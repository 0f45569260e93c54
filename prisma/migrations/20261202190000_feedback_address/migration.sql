-- The feedback limit per client address is counted from the stored rows, so that every instance sees it.
ALTER TABLE "Feedback" ADD COLUMN "address" TEXT;

-- CreateIndex
CREATE INDEX "Feedback_address_createdAt_idx" ON "Feedback"("address", "createdAt");
