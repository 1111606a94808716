package dev.vigil.identity.readmodel;

import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.UserRegistered;
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

    UserProfileProjection(UserProfileRepository profiles) {
        this.profiles = profiles;
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
