package nl.passend.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

import nl.passend.provider.Provider;

interface ContractRepository extends JpaRepository<Contract, Long>, JpaSpecificationExecutor<Contract> {

    boolean existsByReferenceIgnoreCaseAndIdNot(String reference, long id);

    /**
     * The provider's other contracts valid on at least one day of the period, oldest first, so that a refusal names
     * the earliest clash.
     */
    @Query("""
            select c from Contract c
            where c.provider = :provider and c.validFrom <= :until and c.validUntil >= :from and c.id <> :self
            order by c.validFrom, c.id""")
    List<Contract> findOthersInPeriod(Provider provider, LocalDate from, LocalDate until, long self);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Contract c where c.id = :id")
    Optional<Contract> findByIdForUpdate(long id);
}
