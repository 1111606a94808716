package dev.vigil.identity.readmodel;

import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.identity.query.IdentityCaches;
import dev.vigil.platform.axon.CachedReads;
import dev.vigil.platform.cache.CacheSpace;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Builds {@code identity.user_profile_view} from identity's events, each statement guarded by the user
 * aggregate's sequence number (the row's version), so a replayed or duplicate event changes nothing.
 */
@Component
@ProcessingGroup(UserProfileProjection.PROCESSING_GROUP)
class UserProfileProjection implements CachedReads {

    static final String PROCESSING_GROUP = "identity-user-profile";

    private final UserProfileRepository profiles;

    UserProfileProjection(UserProfileRepository profiles) {
        this.profiles = profiles;
    }

    @Override
    public List<CacheSpace> spaces() {
        return List.of(IdentityCaches.PROFILE);
    }

    @ResetHandler
    void reset() {
        profiles.deleteAll();
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version) {
        profiles.upsert(event.userId(), event.email(), event.displayName(), event.timeZone(),
                event.registeredAt(), event.registeredAt(), version);
    }

    @EventHandler
    void on(ProfileUpdated event, @SequenceNumber long version) {
        profiles.updateProfile(event.userId(), event.displayName(), event.timeZone(), event.updatedAt(), version);
    }
}
