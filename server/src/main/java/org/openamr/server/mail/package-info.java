/**
 * Outgoing e-mail: the SMTP server of {@code openamr.reports.mail.*} ({@link org.openamr.server.mail.SmtpServer})
 * and the checks of recipients' addresses, shared by scheduled reports and alarm notifications.
 */
package org.openamr.server.mail;
