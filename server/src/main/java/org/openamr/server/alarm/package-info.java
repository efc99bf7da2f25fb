/**
 * Alarms (нештатные ситуации): rules that find a condition in the data, and the alarm that follows it from first
 * seen through acknowledged to cleared. Everything here is pure: no database, no Spring.
 *
 * <p>How it is meant to be wired: an evaluation service, when readings arrive and on a schedule, runs one rule at a
 * time over a batch of objects. For each rule it fills the rule's input ({@code alarm.rule}: {@code
 * ConsumptionSeries} from {@code ConsumptionService.reports}, {@code RegisterReadings}, {@code MeterState}, {@code
 * HeatState}, {@code MeterClock}, {@code Silence}, {@code VerificationDates}, {@code BuildingMonth} from {@code
 * Balances}) for the whole batch with one query, and the open alarms of that kind for
 * the batch with another; then {@link org.openamr.server.alarm.AlarmLifecycle#next} per object gives the alarms to
 * insert or update. At most one open alarm per kind and object is kept (a partial unique index), cleared ones are
 * history. Parameters come from the database (defaults per resource, overrides per building and point) through the
 * rules' {@code Parameters} records, which refuse out-of-range values naming the field.
 */
package org.openamr.server.alarm;
