-- An ID number is not exclusive to one account (issue 15's review). Anyone could sign up with another person's ID
-- number and a phone of their own, and the unique index then kept the real person from signing up at all. Nothing
-- proves an ID number at sign-up (the province's identity provider will), so several accounts may name one; window
-- cases still join an account only when its ID number and its verified phone both match (ADR 0015), and a center
-- administrator can detach an ID number from an account that has no right to it.

DROP INDEX "IX_AspNetUsers_IdentityNumber";
CREATE INDEX "IX_AspNetUsers_IdentityNumber" ON "AspNetUsers" ("IdentityNumber");
