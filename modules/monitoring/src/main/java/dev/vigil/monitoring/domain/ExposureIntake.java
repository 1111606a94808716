package dev.vigil.monitoring.domain;

import dev.vigil.monitoring.api.FindingOutcome;
import dev.vigil.monitoring.api.FindingReceipt;
import dev.vigil.monitoring.api.ReportFinding;
import dev.vigil.monitoring.domain.FingerprintClaims.FingerprintClaim;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Turns a reported finding into an exposure: a new one, or the one that already holds its fingerprint.
 * Everything here (the user check, the claim, the events) runs in the command's one transaction.
 */
public class ExposureIntake {

    private final Repository<Exposure> exposures;
    private final FingerprintClaims claims;
    private final KnownUsers users;

    public ExposureIntake(Repository<Exposure> exposures, FingerprintClaims claims, KnownUsers users) {
        this.exposures = exposures;
        this.claims = claims;
        this.users = users;
    }

    @CommandHandler
    public FindingReceipt handle(ReportFinding command) throws Exception {
        Finding finding = Finding.of(command);
        if (!users.isKnown(command.userId())) {
            throw new UnknownUser(command.userId());
        }
        FingerprintClaim claim = claims.claim(command.userId(), finding.fingerprint(), command.newExposureId());
        if (claim.newlyClaimed()) {
            exposures.newInstance(() -> new Exposure(claim.exposureId(), command.userId(), finding));
            return new FindingReceipt(claim.exposureId(), FindingOutcome.CREATED);
        }
        Aggregate<Exposure> exposure = exposures.load(claim.exposureId().toString());
        return new FindingReceipt(claim.exposureId(), exposure.invoke(e -> e.reportAgain(finding)));
    }
}
