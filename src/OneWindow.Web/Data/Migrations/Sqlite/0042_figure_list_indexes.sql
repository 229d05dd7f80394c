-- The report's drill-down lists of 正式受理量 (by the instant of acceptance) and 收费笔数 (by the instant of payment),
-- issue 20, ADR 0041: each list reads its period newest first on an index that leads with the instant it counts on,
-- as the lists of 受理量 and 办结量 do on IX_Cases_ReceivedFigures and IX_Cases_ConcludedFigures. A refusal (不予受理)
-- is listed on IX_Cases_ConcludedFigures (its closing instant and status).

CREATE INDEX "IX_Cases_AcceptedFigures" ON "Cases" ("AcceptedAt", "ParentCaseId", "DepartmentId");
CREATE INDEX "IX_Cases_PaidFigures" ON "Cases" ("PaidAt", "ParentCaseId", "ItemCode", "DepartmentId");
