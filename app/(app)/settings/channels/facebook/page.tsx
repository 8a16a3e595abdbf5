// "Cấu hình Facebook": Facebook's own settings screen, the wizard (a platform's settings page may import
// its folder; everything around the screen is shared, components/channels/platform-settings-page.tsx).
import { FacebookWizard } from "@/components/channels/facebook/facebook-wizard";
import { platformSettingsPage } from "@/components/channels/platform-settings-page";

const { generateMetadata, PlatformSettingsPage } = platformSettingsPage("facebook", FacebookWizard);

export { generateMetadata };
export default PlatformSettingsPage;
