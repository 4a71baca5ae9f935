import Testing

/// The live server under load and abuse: slow and stalled clients, a storm of connections,
/// garbage on the wire. One at a time: each measures how promptly the server answers, which
/// a storm running next to it would spoil.
@Suite(.serialized) struct AbuseTests {}
