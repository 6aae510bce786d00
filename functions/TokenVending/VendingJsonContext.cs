using System.Text.Json.Serialization;
using Amazon.Lambda.APIGatewayEvents;

namespace MomentoTokenVending.TokenVending;

/// <summary>Source-generated JSON for the function's input and output.</summary>
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyResponse))]
public sealed partial class VendingJsonContext : JsonSerializerContext;
