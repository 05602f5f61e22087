using PanelAgent.Protocol.Payloads;

namespace PanelAgent.Transport.Commands;

/// <summary>
/// Carries out an authenticated, fresh command from the station and answers it (issue 3 §5). The implementation lives
/// with the panel it acts on; it must answer every command it is given, accepted or refused and why, and never throw.
/// </summary>
public interface IStationCommands
{
    void Execute(CommandPayload command);
}
