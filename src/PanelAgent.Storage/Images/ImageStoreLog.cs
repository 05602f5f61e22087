using Microsoft.Extensions.Logging;

namespace PanelAgent.Storage.Images;

/// <summary>Log messages of the image store (EventIds 6050-6069). Never an image byte or key.</summary>
internal static partial class ImageStoreLog
{
    [LoggerMessage(6050, LogLevel.Error, "Image store operation failed")]
    public static partial void Failed(ILogger logger, Exception exception);
}
