// "Cấu hình Zalo": Zalo's own settings screen (a platform's settings page may import its folder;
// everything around the screen is shared, components/channels/platform-settings-page.tsx).
import { ZaloSettings } from "@/components/channels/zalo/zalo-settings";
import { platformSettingsPage } from "@/components/channels/platform-settings-page";

const { generateMetadata, PlatformSettingsPage } = platformSettingsPage("zalo", ZaloSettings);

export { generateMetadata };
export default PlatformSettingsPage;
