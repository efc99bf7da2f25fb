package org.openamr.server.consumption;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.point.MeteringPoint.Resource;

/** A query's {@code resource}: one of the registry's {@link Resource}s, in any letter case. */
public final class ResourceParameter {

    private ResourceParameter() {
    }

    /**
     * @return null when none is given (a point's own resource is then used; a sum needs one)
     * @throws BadRequestException when the text names no resource
     */
    public static Resource parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Resource.named(text).orElseThrow(
                () -> new BadRequestException("parameter 'resource': '" + text + "' is not one of " + names()));
    }

    /** Every resource's name, alphabetically, for the messages that ask for one. */
    static String names() {
        return Arrays.stream(Resource.values()).map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
}
