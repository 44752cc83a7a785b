//! Whose address a request comes from. The peer of the TCP connection, unless that peer is one of
//! the reverse proxies the deployment names (`QLDV_TRUSTED_PROXIES`): only then is
//! `X-Forwarded-For` read, from the right, skipping the trusted proxies, so a caller cannot choose
//! the address its sign-in attempts are counted against by writing the header itself.

use std::net::IpAddr;

/// An address or a network: `192.0.2.7`, `10.0.0.0/8`, `fd00::/8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpNet {
    addr: IpAddr,
    prefix: u8,
}

impl IpNet {
    /// Reads `ADDR` or `ADDR/PREFIX`; `None` when it is neither.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let addr: IpAddr = addr.parse().ok()?;
        let addr = addr.to_canonical();
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max)?,
            None => max,
        };
        Some(Self { addr, prefix })
    }

    /// Whether `ip` is inside this network.
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// Reads a comma-separated list of addresses and networks; the error names the bad entry.
pub fn parse_list(text: &str) -> Result<Vec<IpNet>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| IpNet::parse(e).ok_or_else(|| e.to_string()))
        .collect()
}

/// The caller's address: `peer` itself unless it is trusted; then the right-most address of
/// `forwarded_for` (the `X-Forwarded-For` values in order) that is not a trusted proxy. An entry
/// that is not an address stops the walk at the last hop a trusted proxy vouched for.
pub fn client_address(
    peer: Option<IpAddr>,
    forwarded_for: &[&str],
    trusted: &[IpNet],
) -> Option<IpAddr> {
    let mut current = peer?.to_canonical();
    let is_trusted = |ip: IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(current) {
        return Some(current);
    }
    let hops = forwarded_for
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect::<Vec<_>>();
    for hop in hops.iter().rev() {
        let Ok(ip) = hop.parse::<IpAddr>() else {
            return Some(current);
        };
        current = ip.to_canonical();
        if !is_trusted(current) {
            return Some(current);
        }
    }
    Some(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    #[test]
    fn networks_parse_and_contain() {
        let n = IpNet::parse("10.0.0.0/8");
        assert!(n.is_some_and(|n| n.contains(ip("10.200.1.2"))));
        assert!(n.is_some_and(|n| !n.contains(ip("11.0.0.1"))));
        let one = IpNet::parse("192.0.2.7");
        assert!(one.is_some_and(|n| n.contains(ip("192.0.2.7"))));
        assert!(one.is_some_and(|n| !n.contains(ip("192.0.2.8"))));
        assert!(one.is_some_and(|n| n.contains(ip("::ffff:192.0.2.7"))));
        let v6 = IpNet::parse("fd00::/8");
        assert!(v6.is_some_and(|n| n.contains(ip("fd12::1"))));
        assert!(v6.is_some_and(|n| !n.contains(ip("10.0.0.1"))));
        assert!(IpNet::parse("0.0.0.0/0").is_some_and(|n| n.contains(ip("8.8.8.8"))));
        assert_eq!(IpNet::parse("10.0.0.0/33"), None);
        assert_eq!(IpNet::parse("proxy.local"), None);
        assert_eq!(
            parse_list(" 10.0.0.1, ,127.0.0.0/8").map(|l| l.len()),
            Ok(2)
        );
        assert_eq!(parse_list("10.0.0.1,nope"), Err("nope".to_string()));
    }

    #[test]
    fn forwarded_for_counts_only_behind_a_trusted_proxy() {
        let trusted = parse_list("127.0.0.1, 10.0.0.0/8").unwrap_or_default();
        let peer = Some(ip("127.0.0.1"));
        // No proxy configured: the header is ignored.
        assert_eq!(
            client_address(peer, &["203.0.113.9"], &[]),
            Some(ip("127.0.0.1"))
        );
        // An untrusted peer cannot speak for anyone.
        assert_eq!(
            client_address(Some(ip("198.51.100.1")), &["203.0.113.9"], &trusted),
            Some(ip("198.51.100.1"))
        );
        // Behind two trusted proxies: the first untrusted hop from the right; what the caller
        // wrote to the left of it is not believed.
        assert_eq!(
            client_address(peer, &["1.1.1.1, 203.0.113.9", "10.1.1.1"], &trusted),
            Some(ip("203.0.113.9"))
        );
        // Garbage stops the walk at the last trusted hop.
        assert_eq!(
            client_address(peer, &["203.0.113.9, bogus"], &trusted),
            Some(ip("127.0.0.1"))
        );
        // Every hop trusted: the left-most.
        assert_eq!(
            client_address(peer, &["10.2.2.2"], &trusted),
            Some(ip("10.2.2.2"))
        );
        assert_eq!(client_address(None, &["203.0.113.9"], &trusted), None);
    }
}
