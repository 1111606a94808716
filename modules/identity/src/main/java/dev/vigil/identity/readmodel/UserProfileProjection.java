package dev.vigil.identity.readmodel;

import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.identity.query.IdentityCaches;
import dev.vigil.platform.cache.ReadCache;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Builds {@code identity.user_profile_view} from identity's events.
 */
@Component
@ProcessingGroup(UserProfileProjection.PROCESSING_GROUP)
class UserProfileProjection {

    static final String PROCESSING_GROUP = "identity-user-profile";

    private final UserProfileRepository profiles;
    private final ReadCache cache;

    UserProfileProjection(UserProfileRepository profiles, ReadCache cache) {
        this.profiles = profiles;
        this.cache = cache;
    }

    @ResetHandler
    void reset() {
        profiles.deleteAll();
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version) {
        profiles.upsert(event.userId(), event.email(), event.displayName(), event.timeZone(),
                event.registeredAt(), event.registeredAt(), version);
        cache.invalidateAfterCommit(IdentityCaches.PROFILE, event.userId());
    }

    @EventHandler
    void on(ProfileUpdated event, @SequenceNumber long version) {
        profiles.updateProfile(event.userId(), event.displayName(), event.timeZone(), event.updatedAt(), version);
        cache.invalidateAfterCommit(IdentityCaches.PROFILE, event.userId());
    }
}
