package org.openamr.server.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.openamr.server.api.BadRequestException;

/** Recipients as users type them, checked once for every kind of message the server mails. */
public final class MailAddresses {

    public static final int MAX_RECIPIENTS = 50;

    private MailAddresses() {
    }

    /**
     * The addresses as given, each checked as an e-mail address (RFC 822, with a domain), without duplicates.
     *
     * @throws BadRequestException naming the field {@code recipients} when there are none, too many or a wrong one
     */
    public static List<String> recipients(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw new BadRequestException("field 'recipients': give at least one e-mail address");
        }
        if (given.size() > MAX_RECIPIENTS) {
            throw new BadRequestException("field 'recipients': at most " + MAX_RECIPIENTS + " addresses");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String r : given) {
            String a = r == null ? "" : r.trim();
            try {
                InternetAddress parsed = new InternetAddress(a, true);
                if (!a.equals(parsed.getAddress()) || !a.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw new AddressException("not a plain address like name@example.ru");
                }
            } catch (AddressException e) {
                throw new BadRequestException("field 'recipients': '" + a + "' is not an e-mail address ("
                        + e.getMessage() + ")");
            }
            out.add(a);
        }
        return new ArrayList<>(out);
    }
}
