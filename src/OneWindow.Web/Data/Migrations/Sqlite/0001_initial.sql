-- 0001 initial schema: organization, identity, catalog, calendar, files, audit. Drafted from the EF model's create script; the schema test keeps it equal to the model.
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "VenueId" TEXT NULL,
    "DepartmentId" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityKey" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Details" TEXT NULL
);


CREATE TABLE "CombinedItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CombinedItems" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "MemberCodes" TEXT NOT NULL,
    "LeadDepartmentId" TEXT NOT NULL,
    "PromisedLimitDays" INTEGER NULL,
    "DeliveryMethods" INTEGER NOT NULL,
    "Themes" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL
);


CREATE TABLE "Departments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Departments" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CreditCode" TEXT NOT NULL,
    "CreditCodeOverrideReason" TEXT NULL,
    "CreditCodeOverrideBy" TEXT NULL,
    "RegionCode" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "SortOrder" INTEGER NOT NULL
);


CREATE TABLE "Regions" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "ParentCode" TEXT NULL
);


CREATE TABLE "ServiceItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ServiceItems" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "SpecialDays" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SpecialDays" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "IsOffDay" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "StaffItems" (
    "UserId" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    CONSTRAINT "PK_StaffItems" PRIMARY KEY ("UserId", "ItemCode")
);


CREATE TABLE "StoredFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StoredFiles" PRIMARY KEY,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "Purpose" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL
);


CREATE TABLE "Venues" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Venues" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Tier" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "Address" TEXT NULL,
    "OfficeHours" TEXT NULL,
    "Phone" TEXT NULL
);


CREATE TABLE "WindowItems" (
    "WindowId" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    CONSTRAINT "PK_WindowItems" PRIMARY KEY ("WindowId", "ItemCode")
);


CREATE TABLE "Windows" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Windows" PRIMARY KEY,
    "VenueId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Category" INTEGER NOT NULL,
    "DepartmentId" TEXT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ServiceItemVersions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ServiceItemVersions" PRIMARY KEY,
    "ServiceItemId" TEXT NOT NULL,
    "ItemCode" TEXT NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "Guide" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ItemType" INTEGER NOT NULL,
    "DepartmentId" TEXT NOT NULL,
    "ApplicantTypes" INTEGER NOT NULL,
    "LimitKind" INTEGER NOT NULL,
    "StatutoryLimitDays" INTEGER NOT NULL,
    "PromisedLimitDays" INTEGER NOT NULL,
    "SearchText" TEXT NOT NULL,
    "ThemesText" TEXT NOT NULL,
    "ValidFrom" TEXT NULL,
    "ValidTo" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "PublishedBy" TEXT NULL,
    "ChangeNote" TEXT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_ServiceItemVersions_ServiceItems_ServiceItemId" FOREIGN KEY ("ServiceItemId") REFERENCES "ServiceItems" ("Id") ON DELETE RESTRICT
);


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE INDEX "IX_AspNetUsers_VenueId_DepartmentId" ON "AspNetUsers" ("VenueId", "DepartmentId");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");


CREATE INDEX "IX_AuditEntries_EntityType_EntityKey_Id" ON "AuditEntries" ("EntityType", "EntityKey", "Id");


CREATE UNIQUE INDEX "IX_CombinedItems_Code" ON "CombinedItems" ("Code");


CREATE INDEX "IX_CombinedItems_Status_Code" ON "CombinedItems" ("Status", "Code");


CREATE UNIQUE INDEX "IX_Departments_CreditCode" ON "Departments" ("CreditCode");


CREATE INDEX "IX_Departments_RegionCode_SortOrder" ON "Departments" ("RegionCode", "SortOrder");


CREATE INDEX "IX_Regions_ParentCode_Code" ON "Regions" ("ParentCode", "Code");


CREATE UNIQUE INDEX "IX_ServiceItems_Code" ON "ServiceItems" ("Code");


CREATE UNIQUE INDEX "IX_ServiceItemVersions_ItemCode_VersionNumber" ON "ServiceItemVersions" ("ItemCode", "VersionNumber");


CREATE UNIQUE INDEX "IX_ServiceItemVersions_ServiceItemId_VersionNumber" ON "ServiceItemVersions" ("ServiceItemId", "VersionNumber");


CREATE INDEX "IX_ServiceItemVersions_Status_DepartmentId_ItemCode" ON "ServiceItemVersions" ("Status", "DepartmentId", "ItemCode");


CREATE INDEX "IX_ServiceItemVersions_Status_ItemCode" ON "ServiceItemVersions" ("Status", "ItemCode");


CREATE UNIQUE INDEX "IX_SpecialDays_RegionCode_Date" ON "SpecialDays" ("RegionCode", "Date");


CREATE INDEX "IX_StaffItems_ItemCode" ON "StaffItems" ("ItemCode");


CREATE INDEX "IX_Venues_RegionCode" ON "Venues" ("RegionCode");


CREATE INDEX "IX_WindowItems_ItemCode" ON "WindowItems" ("ItemCode");


CREATE INDEX "IX_Windows_DepartmentId" ON "Windows" ("DepartmentId");


CREATE UNIQUE INDEX "IX_Windows_VenueId_Number" ON "Windows" ("VenueId", "Number");



