-- Code requests are limited per client address in the database (was in memory, lost on restart).
ALTER TABLE "LoginCode" ADD COLUMN "address" TEXT;

CREATE INDEX "LoginCode_address_createdAt_idx" ON "LoginCode"("address", "createdAt");
