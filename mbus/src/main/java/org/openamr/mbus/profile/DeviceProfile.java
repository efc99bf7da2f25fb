package org.openamr.mbus.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openamr.mbus.record.DataRecord;

/**
 * What a maker's meters mean by their records and error codes. Profiles are data
 * ({@code *.profile} files, see {@link ProfileParser}) so that a device can be added or corrected
 * without a release.
 *
 * @param manufacturer three-letter code, e.g. DFS
 * @param versions     the version bytes it applies to; empty for all
 * @param errorDigits  meanings of the error-flags record as hex digits: index 0 is the most
 *                     significant digit of a four-digit code; each digit is a sum of bit values
 */
public record DeviceProfile(String name, String manufacturer, Set<Integer> versions, List<RecordRule> rules,
                            List<ErrorDigit> errorDigits) {

    public DeviceProfile {
        versions = Set.copyOf(versions);
        rules = List.copyOf(rules);
        errorDigits = List.copyOf(errorDigits);
    }

    /** One bit of one hex digit of an error code. */
    public record ErrorDigit(int digit, int bit, ErrorMeaning meaning) {
    }

    public boolean appliesTo(String manufacturerLetters, int version) {
        return manufacturer.equals(manufacturerLetters) && (versions.isEmpty() || versions.contains(version));
    }

    /** The first rule that matches, if any. */
    public Optional<RecordMeaning> meaningOf(DataRecord record) {
        for (RecordRule rule : rules) {
            Optional<RecordMeaning> m = rule.apply(record);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    /** The conditions a four-hex-digit error code signals; empty for 0 or when the profile has no table. */
    public List<ErrorMeaning> errorsOf(long code) {
        List<ErrorMeaning> out = new ArrayList<>();
        for (ErrorDigit d : errorDigits) {
            int digit = (int) (code >> (4 * (3 - d.digit())) & 0x0F);
            if ((digit & d.bit()) != 0) {
                out.add(d.meaning());
            }
        }
        return out;
    }
}
