using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Users;

/// <summary>
/// Admin use cases for sign-ins. Works on the context directly (not UserManager) so each operation
/// gets a fresh context, as everywhere else; passwords still go through Identity's hasher.
/// </summary>
public sealed class UserService(
    IDbContextFactory<LiaisonDb> dbs,
    IPasswordHasher<LiaisonUser> hasher,
    ILookupNormalizer normalizer,
    TimeProvider clock)
{
    public async Task<Result<Page<UserView>>> ListAsync(CurrentUser admin, UserListQuery query, CancellationToken ct)
    {
        if (!admin.IsAdmin)
        {
            return Error.Forbidden("Only admins manage users.");
        }

        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(admin, ct);
        var users = db.Users.AsNoTracking();
        if (Text.Clean(query.Search) is { } search)
        {
            var term = search.ToLower();
            users = users.Where(u => u.FullName.ToLower().Contains(term) || u.Email!.ToLower().Contains(term));
        }

        if (query.Role is { } role)
        {
            users = users.Where(u => u.Role == role);
        }

        var now = clock.GetUtcNow();
        var rows = await (from u in users
                          join a in db.Accounts on u.ClientAccountId equals a.Id into accounts
                          from a in accounts.DefaultIfEmpty()
                          orderby u.FullName, u.Id
                          select new { User = u, AccountName = a != null ? a.Name : null })
            .Skip(offset).Take(limit + 1).ToListAsync(ct);
        return rows.Select(r => ToView(r.User, r.AccountName, now)).ToList().ToPage(offset, limit);
    }

    public async Task<Result<UserView>> CreateAsync(CurrentUser admin, NewUserInput input, CancellationToken ct)
    {
        if (!admin.IsAdmin)
        {
            return Error.Forbidden("Only admins manage users.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbs.OpenAsync(admin, ct);
        var email = input.Email.Trim();
        var normalized = normalizer.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
        {
            return new Error(ErrorKind.Conflict, "A user with this e-mail address already exists.",
                new Dictionary<string, string[]> { ["email"] = ["A user with this e-mail address already exists."] });
        }

        string? accountName = null;
        if (input.AccountId is { } accountId)
        {
            accountName = await db.Accounts.Where(a => a.Id == accountId && a.ArchivedAt == null).Select(a => a.Name).FirstOrDefaultAsync(ct);
            if (accountName is null)
            {
                return Error.Invalid("accountId", "The account does not exist or is archived.");
            }
        }

        var user = NewUser(email, Text.Clean(input.FullName) ?? email.Split('@')[0], input.Role!.Value, input.Password);
        user.ClientAccountId = input.AccountId;
        if (user.Role != Role.Client)
        {
            user.StaffId = await LinkStaffAsync(db, user, Text.Clean(input.JobTitle), ct);
        }

        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return ToView(user, accountName, clock.GetUtcNow());
    }

    /// <summary>Creates the admin, or resets an existing user to admin with a new password (CLI `create-admin`).</summary>
    public async Task<Result<UserView>> CreateOrResetAdminAsync(string email, string password, CancellationToken ct)
    {
        var input = new NewUserInput { Email = email, Password = password, Role = Role.Admin };
        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbs.OpenAsync(null, ct);
        var normalized = normalizer.NormalizeEmail(email.Trim());
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null)
        {
            user = NewUser(email.Trim(), email.Trim().Split('@')[0], Role.Admin, password);
            db.Users.Add(user);
        }
        else
        {
            user.Role = Role.Admin;
            user.ClientAccountId = null;
            user.IsDisabled = false;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            user.PasswordHash = hasher.HashPassword(user, password);
            user.SecurityStamp = LiaisonUser.NewSecurityStamp();
        }

        user.StaffId ??= await LinkStaffAsync(db, user, "Administrator", ct);
        await db.SaveChangesAsync(ct);
        return ToView(user, null, clock.GetUtcNow());
    }

    public async Task<Result<UserView>> ChangeRoleAsync(CurrentUser admin, Guid userId, RoleChangeInput input, CancellationToken ct)
    {
        if (!admin.IsAdmin)
        {
            return Error.Forbidden("Only admins manage users.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbs.OpenAsync(admin, ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return Error.NotFound("The user");
        }

        var role = input.Role!.Value;
        if (user.Role == Role.Admin && role != Role.Admin && !await AnotherActiveAdminAsync(db, user.Id, ct))
        {
            return Error.Conflict("This is the last active admin; make someone else admin first.");
        }

        if ((user.Role == Role.Client) != (role == Role.Client))
        {
            return Error.Invalid("role", "A client user cannot become staff or the other way round; create a new user instead.");
        }

        string? accountName = null;
        if (role == Role.Client)
        {
            accountName = await db.Accounts.Where(a => a.Id == input.AccountId && a.ArchivedAt == null).Select(a => a.Name).FirstOrDefaultAsync(ct);
            if (accountName is null)
            {
                return Error.Invalid("accountId", "The account does not exist or is archived.");
            }

            user.ClientAccountId = input.AccountId;
        }

        user.Role = role;
        // A new stamp makes the cookie revalidation notice the change within a minute.
        user.SecurityStamp = LiaisonUser.NewSecurityStamp();
        await db.SaveChangesAsync(ct);
        return ToView(user, accountName, clock.GetUtcNow());
    }

    public async Task<Result<UserView>> SetDisabledAsync(CurrentUser admin, Guid userId, bool disabled, CancellationToken ct)
    {
        if (!admin.IsAdmin)
        {
            return Error.Forbidden("Only admins manage users.");
        }

        await using var db = await dbs.OpenAsync(admin, ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return Error.NotFound("The user");
        }

        if (disabled && user.Id == admin.UserId)
        {
            return Error.Conflict("You cannot disable yourself.");
        }

        if (disabled && user.Role == Role.Admin && !await AnotherActiveAdminAsync(db, user.Id, ct))
        {
            return Error.Conflict("This is the last active admin.");
        }

        if (user.IsDisabled != disabled)
        {
            user.IsDisabled = disabled;
            user.SecurityStamp = LiaisonUser.NewSecurityStamp();
            await db.SaveChangesAsync(ct);
        }

        var accountName = await db.Accounts.Where(a => a.Id == user.ClientAccountId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        return ToView(user, accountName, clock.GetUtcNow());
    }

    private LiaisonUser NewUser(string email, string fullName, Role role, string password)
    {
        var user = LiaisonUser.Create(email, fullName, role, normalizer, clock.UtcNowStorable());
        user.PasswordHash = hasher.HashPassword(user, password);
        return user;
    }

    /// <summary>Links a staff sign-in to the staff record with the same e-mail, creating it if needed.</summary>
    private static async Task<Guid> LinkStaffAsync(LiaisonDb db, LiaisonUser user, string? jobTitle, CancellationToken ct)
    {
        var email = user.Email!.ToLowerInvariant();
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Email == email, ct);
        if (staff is null)
        {
            staff = new StaffMember { FullName = user.FullName, Email = email, JobTitle = jobTitle };
            db.Staff.Add(staff);
        }

        staff.UserId = user.Id;
        return staff.Id;
    }

    private static Task<bool> AnotherActiveAdminAsync(LiaisonDb db, Guid userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Role == Role.Admin && !u.IsDisabled && u.Id != userId, ct);

    private static UserView ToView(LiaisonUser u, string? accountName, DateTimeOffset now) => new(
        u.Id, u.Email!, u.FullName, u.Role, u.StaffId, u.ClientAccountId, accountName, u.IsDisabled,
        u.LockoutEnd is { } end && end > now, u.CreatedAt);
}
