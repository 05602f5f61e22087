using PanelAgent.Core.Users;

namespace PanelAgent.Core.Ports;

/// <summary>Keypad users and their code hashes. Codes themselves are never stored.</summary>
public interface IUserStore
{
    IReadOnlyList<UserRecord> LoadUsers();

    /// <summary>Inserts or replaces the user with this number.</summary>
    void Save(UserRecord user);
}
