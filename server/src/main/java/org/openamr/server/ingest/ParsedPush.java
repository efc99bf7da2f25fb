package org.openamr.server.ingest;

import java.util.List;

/** A push document read into meters and values, with what could not be read. */
record ParsedPush(PushFormat format, String sender, List<MeterCandidates> meters, List<Rejection> rejections) {
}
