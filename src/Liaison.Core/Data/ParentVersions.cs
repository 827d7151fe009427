using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Data;

internal static class ParentVersions
{
    /// <summary>
    /// A record whose only change is in its child rows (initiatives, attendees) is still a new version
    /// of the record: mark it modified so the versioning interceptor bumps its version and ETag.
    /// </summary>
    public static void BumpIfChildrenChanged(this LiaisonDb db, Entity parent)
    {
        db.ChangeTracker.DetectChanges();
        if (db.Entry(parent).State == EntityState.Unchanged
            && db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            db.Entry(parent).Property(p => p.UpdatedAt).IsModified = true;
        }
    }
}
