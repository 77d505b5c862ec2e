package io.earpiece.db.user;

import io.earpiece.db.call.CallEntity;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Calls queried by who may see them; the criteria come from {@link CallOwnership}. */
public interface OwnedCallRepository extends Repository<CallEntity, String>, JpaSpecificationExecutor<CallEntity> {
}
