package dev.cogsync.endpoint;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AWS partitions, as far as the endpoint rule set's {@code aws.partition} function needs them to pick a DNS
 * suffix. Mirrors {@code partitions.json} version 1.1 (aws-sdk-js-v3
 * {@code packages/util-endpoints/src/lib/aws/partitions.json}): each partition's {@code regionRegex},
 * {@code outputs.dnsSuffix}, and the region names listed there that its pattern does not match.
 */
enum Partition {

    AWS("^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$", "amazonaws.com", Set.of("aws-global")),
    AWS_CN("^cn\\-\\w+\\-\\d+$", "amazonaws.com.cn", Set.of("aws-cn-global")),
    AWS_US_GOV("^us\\-gov\\-\\w+\\-\\d+$", "amazonaws.com", Set.of("aws-us-gov-global")),
    AWS_ISO("^us\\-iso\\-\\w+\\-\\d+$", "c2s.ic.gov", Set.of("aws-iso-global")),
    AWS_ISO_B("^us\\-isob\\-\\w+\\-\\d+$", "sc2s.sgov.gov", Set.of("aws-iso-b-global")),
    AWS_ISO_E("^eu\\-isoe\\-\\w+\\-\\d+$", "cloud.adc-e.uk", Set.of("aws-iso-e-global")),
    AWS_ISO_F("^us\\-isof\\-\\w+\\-\\d+$", "csp.hci.ic.gov", Set.of("aws-iso-f-global")),
    AWS_EUSC("^eusc\\-(de)\\-\\w+\\-\\d+$", "amazonaws.eu", Set.of());

    private final Pattern regionPattern;
    private final String dnsSuffix;
    private final Set<String> unpatternedRegions;

    Partition(String regionRegex, String dnsSuffix, Set<String> unpatternedRegions) {
        this.regionPattern = Pattern.compile(regionRegex);
        this.dnsSuffix = dnsSuffix;
        this.unpatternedRegions = unpatternedRegions;
    }

    /**
     * The partition of a region, the way {@code aws.partition} decides: a region listed by name first, then the
     * first pattern that matches, else the {@code aws} partition, so that new regions still resolve.
     */
    static Partition of(String region) {
        for (Partition partition : values()) {
            if (partition.unpatternedRegions.contains(region)) {
                return partition;
            }
        }
        for (Partition partition : values()) {
            if (partition.regionPattern.matcher(region).matches()) {
                return partition;
            }
        }
        return AWS;
    }

    String dnsSuffix() {
        return dnsSuffix;
    }
}
