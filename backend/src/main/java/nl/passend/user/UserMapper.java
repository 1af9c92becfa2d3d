package nl.passend.user;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.springframework.data.domain.Page;

import nl.passend.api.model.UserDto;
import nl.passend.api.model.UserPageDto;
import nl.passend.shared.Paging;

@Mapper
interface UserMapper {

    @Mapping(target = "organisationId", source = "organisation.id")
    @Mapping(target = "organisationName", source = "organisation.name")
    UserDto toDto(UserAccount user);

    default UserPageDto toPageDto(Page<UserAccount> page) {
        return new UserPageDto(page.map(this::toDto).getContent(), Paging.metadata(page));
    }
}
