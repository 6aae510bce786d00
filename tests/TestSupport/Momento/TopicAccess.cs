namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>A topic permission's role on the wire (<c>permission_messages.TopicRole</c>).</summary>
public enum TopicAccess
{
    /// <summary><c>TopicReadWrite</c>: Momento.Sdk's <c>TopicRole.PublishSubscribe</c>.</summary>
    ReadWrite,

    /// <summary><c>TopicReadOnly</c>: Momento.Sdk's <c>TopicRole.SubscribeOnly</c>.</summary>
    ReadOnly,

    /// <summary><c>TopicWriteOnly</c>: Momento.Sdk's <c>TopicRole.PublishOnly</c>.</summary>
    WriteOnly,
}
