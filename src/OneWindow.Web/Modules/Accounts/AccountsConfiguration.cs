using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Web.Modules.Accounts;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.IdentityNumber).HasMaxLength(18);
        b.HasIndex(u => new { u.VenueId, u.DepartmentId });
        // Not unique: nothing proves an ID number at sign-up, so one account naming it must not keep its real owner
        // from signing up (schema 0018). Window cases need the ID number and the verified phone (ADR 0015).
        b.HasIndex(u => u.IdentityNumber);
    }
}

internal sealed class OneTimeCodeConfiguration : IEntityTypeConfiguration<OneTimeCode>
{
    public void Configure(EntityTypeBuilder<OneTimeCode> b)
    {
        b.Property(c => c.Phone).HasMaxLength(20);
        b.Property(c => c.UserId).HasMaxLength(450);
        b.Property(c => c.Salt).HasMaxLength(32);
        b.Property(c => c.Hash).HasMaxLength(64);
        // The newest code for a phone and purpose; expired codes cleared by expiry.
        b.HasIndex(c => new { c.Phone, c.Purpose, c.CreatedAt });
        b.HasIndex(c => c.ExpiresAt);
    }
}
