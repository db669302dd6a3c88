import ProjectFiles

/// The review page's files: the copies built into the binary, or a folder's (`serve --assets`).
struct AssetStore: Sendable {
    let folder: String?

    func response(for name: String) -> ServiceResponse {
        guard let type = Self.contentType(of: name), !name.hasPrefix("."), !name.contains("/") else {
            return .error(404, "no file \(name)")
        }
        if let folder {
            do {
                return ServiceResponse(status: 200, headers: [("content-type", type)],
                                       body: try TextFiles.readBytes(folder + "/" + name, limit: 8 << 20))
            } catch {
                return .error(404, "no file \(name) in \(folder)")
            }
        }
        guard let text = WebAssets.files[name] else { return .error(404, "no file \(name)") }
        return ServiceResponse(status: 200, headers: [("content-type", type)], body: Array(text.utf8))
    }

    static func contentType(of name: String) -> String? {
        switch name.split(separator: ".").last {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        default: return nil
        }
    }
}
