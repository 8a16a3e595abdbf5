// How users, pages and customers look as Graph nodes (the fields each one can return).
import type { FieldProducers } from "./fields";
import type { World } from "./world";
import type { Customer, FacebookUser, Page, PageRole } from "./world-types";

export function avatarPath(id: string): string {
  return `/_emulator/avatar/${id}.svg`;
}

function picture(world: World, id: string): { data: Record<string, unknown> } {
  return { data: { height: 50, is_silhouette: false, url: world.absolute(avatarPath(id)), width: 50 } };
}

export function userFields(world: World, user: FacebookUser): FieldProducers {
  return {
    id: () => user.id,
    name: () => user.name,
    first_name: () => user.firstName,
    last_name: () => user.lastName,
    picture: () => picture(world, user.id),
  };
}

/** `role` and `accessToken` are present only when the page is seen through a user's /me/accounts. */
export function pageFields(world: World, page: Page, role?: PageRole, accessToken?: string): FieldProducers {
  return {
    id: () => page.id,
    name: () => page.name,
    category: () => page.category,
    category_list: () => [{ id: "2200", name: page.category }],
    picture: () => picture(world, page.id),
    link: () => `https://www.facebook.com/${page.id}`,
    ...(role ? { tasks: () => role.tasks } : {}),
    ...(accessToken ? { access_token: () => accessToken } : {}),
  };
}

/** The user profile a page may read for its own customers (first/last name and picture). */
export function customerFields(world: World, customer: Customer): FieldProducers {
  return {
    id: () => customer.psid,
    name: () => customer.name,
    first_name: () => customer.firstName,
    last_name: () => customer.lastName,
    profile_pic: () => world.absolute(avatarPath(customer.psid)),
  };
}
