package org.openamr.server.consumption;

/** Whether a point's interval has a figure. */
public enum PointStatus {
    /** Both ends of every meter's part are known and the register never went down unexplained. */
    COMPLETE,
    /** A boundary value is unknown or no meter was installed for part of the interval: no figure, never 0. */
    GAP,
    /** The register went down without a rollover: no figure; the steps are shown. */
    ANOMALY
}
