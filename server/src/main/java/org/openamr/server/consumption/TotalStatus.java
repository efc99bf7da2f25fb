package org.openamr.server.consumption;

/** Whether a sum over points has every point's figure. */
public enum TotalStatus {
    /** every point has a figure */
    COMPLETE,
    /** some points have no figure: the value is the sum of the others, and the missing are counted */
    PARTIAL,
    /** no point has a figure (or there are no points): no value, never 0 */
    GAP
}
