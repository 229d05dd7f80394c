using QRCoder;

namespace OneWindow.Web.Infrastructure;

/// <summary>QR codes as PNG data URIs (the CSP allows data: images, not inline scripts or styles).</summary>
public static class QrCodes
{
    public static string DataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        using var code = new PngByteQRCode(data);
        var png = code.GetGraphic(4);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
