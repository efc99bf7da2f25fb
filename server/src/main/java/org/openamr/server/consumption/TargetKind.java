package org.openamr.server.consumption;

/** What a consumption query is about: one point, or the sum of the points of a premise, entrance or building. */
public enum TargetKind {
    POINT, PREMISE, ENTRANCE, BUILDING
}
