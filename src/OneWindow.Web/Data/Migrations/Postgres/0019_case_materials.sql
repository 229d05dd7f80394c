-- A case remembers which materials its guide requires before acceptance and which were handed in (issue 18): the
-- acceptance notice says the materials are complete, so acceptance with a required one missing is refused. Cases
-- received before this release have neither list, and nothing is checked for them.

ALTER TABLE "Cases" ADD COLUMN "RequiredMaterials" text NOT NULL DEFAULT '[]';
ALTER TABLE "Cases" ADD COLUMN "MaterialsReceived" text NOT NULL DEFAULT '[]';
