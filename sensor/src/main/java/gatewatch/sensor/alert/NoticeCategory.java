package gatewatch.sensor.alert;

import gatewatch.detector.model.Category;
import gatewatch.features.notice.ArpSpoofNotice;
import gatewatch.features.notice.DhcpFloodNotice;
import gatewatch.features.notice.Notice;

/** The alert category of a notice, as KDD names the kinds of harm where one fits. */
public final class NoticeCategory {
    private NoticeCategory() {
    }

    public static Category of(Notice n) {
        return switch (n) {
            case ArpSpoofNotice a -> Category.MITM;
            case DhcpFloodNotice d -> Category.DOS;
        };
    }
}
