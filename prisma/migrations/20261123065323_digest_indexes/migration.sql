-- DropIndex
DROP INDEX "OutboxMessage_personId_idx";

-- CreateIndex
CREATE INDEX "Attempt_status_completedAt_idx" ON "Attempt"("status", "completedAt");

-- CreateIndex
CREATE INDEX "Route_confirmedAt_idx" ON "Route"("confirmedAt");

-- CreateIndex
CREATE INDEX "RouteItem_status_doneAt_idx" ON "RouteItem"("status", "doneAt");

-- CreateIndex
CREATE INDEX "RouteItem_status_dueOn_idx" ON "RouteItem"("status", "dueOn");

-- CreateIndex
CREATE INDEX "OutboxMessage_personId_kind_createdAt_idx" ON "OutboxMessage"("personId", "kind", "createdAt");

