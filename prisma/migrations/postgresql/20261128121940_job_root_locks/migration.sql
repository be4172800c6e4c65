-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "queuedRoot" TEXT,
ADD COLUMN     "runningRoot" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Job_queuedRoot_key" ON "Job"("queuedRoot");

-- CreateIndex
CREATE UNIQUE INDEX "Job_runningRoot_key" ON "Job"("runningRoot");
