import { Text, View } from '@tarojs/components';
import './TileGrid.scss';

export interface Tile {
  key: string;
  title: string;
  description: string;
  /** A short glyph shown in the tile's badge. */
  glyph: string;
  /** A count shown in red on the tile (e.g. '3', '99+'); nothing when null. */
  count?: string | null;
  onTap: () => void;
}

export interface TileGridProps {
  tiles: Tile[];
}

/** The service entrances of a home page, two to a row (more on a wide screen). */
export function TileGrid({ tiles }: TileGridProps) {
  return (
    <View className='tile-grid'>
      {tiles.map((tile) => (
        <View key={tile.key} className='tile-grid__tile' hoverClass='tile-grid__tile--pressed' onClick={tile.onTap}>
          <View className='tile-grid__glyph'>
            <Text className='tile-grid__glyph-text'>{tile.glyph}</Text>
            {tile.count ? (
              <Text className='tile-grid__count' aria-label={`${tile.count} 条未读`}>
                {tile.count}
              </Text>
            ) : null}
          </View>
          <Text className='tile-grid__title'>{tile.title}</Text>
          <Text className='tile-grid__description'>{tile.description}</Text>
        </View>
      ))}
    </View>
  );
}
